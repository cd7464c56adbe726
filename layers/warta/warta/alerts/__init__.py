"""Saved searches with real-time alerts: definitions (pure), their percolator index, matching at
ingest, and delivery to a log, a signed webhook or an SNS topic. See docs/alerts.md."""
