"""`warta.ports.Reporter` over Powertools' Logger and Metrics, which the handler owns (its decorators
flush them per invocation)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..ports import LogLevel

if TYPE_CHECKING:
    from aws_lambda_powertools import Logger, Metrics


class PowertoolsReporter:
    def __init__(self, logger: Logger, metrics: Metrics) -> None:
        self._logger = logger
        self._metrics = metrics

    def count(self, metric: str) -> None:
        from aws_lambda_powertools.metrics import MetricUnit

        self._metrics.add_metric(name=metric, unit=MetricUnit.Count, value=1)

    def log(self, level: LogLevel, message: str, fields: Mapping[str, object]) -> None:
        write = self._logger.warning if level == "warning" else self._logger.info
        write(message, extra=dict(fields))
