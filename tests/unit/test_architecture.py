"""The core stays pure: parse and enrich import neither AWS nor OpenSearch libraries."""

import subprocess
import sys


def test_parse_and_enrich_import_no_aws_or_opensearch():
    code = (
        "import sys, warta.parse, warta.enrich; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('boto3', 'botocore', 'opensearchpy', 'aws_lambda_powertools')]; "
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
