"""A local S3-compatible server (moto's server mode) for `make demo`: loopback, a free port.

Writes {"endpoint": "http://127.0.0.1:PORT"} to --ready-file once listening; stops on SIGTERM.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import threading
from pathlib import Path

from moto.server import ThreadedMotoServer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ready-file", type=Path, required=True)
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    tmp = args.ready_file.with_name(args.ready_file.name + ".tmp")
    tmp.write_text(json.dumps({"endpoint": f"http://{host}:{port}", "pid": os.getpid()}))
    os.replace(tmp, args.ready_file)
    stop.wait()
    server.stop()


if __name__ == "__main__":
    main()
