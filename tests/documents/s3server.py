"""Real S3-compatible HTTP servers for tests: moto's server mode, in a thread or a separate process."""

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass

import boto3
from botocore.config import Config


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port} after {timeout} s")


_SESSION = boto3.session.Session()


def s3_client(endpoint: str, key_id: str = "testing", secret: str = "testing"):
    return _SESSION.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id=key_id,
        aws_secret_access_key=secret, config=Config(s3={"addressing_style": "path"}))


def new_bucket(endpoint: str, key_id: str = "testing", secret: str = "testing") -> str:
    name = f"docs-{uuid.uuid4().hex[:12]}"
    s3_client(endpoint, key_id, secret).create_bucket(Bucket=name)
    return name


@dataclass
class AuthServer:
    """A moto server that checks credentials (a separate process, so the threaded one stays open)."""

    endpoint: str
    key_id: str
    secret: str
    process: subprocess.Popen

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def start_auth_server() -> AuthServer:
    port = free_port()
    # The first 3 requests (creating the IAM user, its key and policy) pass unchecked; all later ones are checked.
    env = dict(os.environ, INITIAL_NO_AUTH_ACTION_COUNT="3")
    process = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_port(port)
    endpoint = f"http://127.0.0.1:{port}"
    iam = _SESSION.client("iam", endpoint_url=endpoint, region_name="us-east-1",
                                         aws_access_key_id="bootstrap", aws_secret_access_key="bootstrap")
    iam.create_user(UserName="unionops")
    key = iam.create_access_key(UserName="unionops")["AccessKey"]
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
    iam.put_user_policy(UserName="unionops", PolicyName="s3", PolicyDocument=json.dumps(policy))
    return AuthServer(endpoint, key["AccessKeyId"], key["SecretAccessKey"], process)
