"""The live stream as ``make run`` serves it: ``agora serve`` in its default mode, one
command, and a change made by another process reaching an open stream."""

from __future__ import annotations

import http.client
import subprocess
import threading
import time

from agora.testing.fixtures import embedded_env, free_port, wait_until_up
from agora.testing.live import AGORA, PASSWORD, sign_in


def test_a_post_written_by_another_process_reaches_an_open_stream(tmp_path):
    env = embedded_env(tmp_path)
    subprocess.run([*AGORA, "migrate", "-v", "0"], env=env, check=True)
    subprocess.run(
        [*AGORA, "createadmin", "--email", "boss@example.com", "--name", "Boss",
         "--password", PASSWORD],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    port = free_port()
    server = subprocess.Popen(
        [*AGORA, "serve", "--port", str(port), "--workers", "1", "--no-worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    received: list[str] = []
    try:
        wait_until_up(port)
        cookie = sign_in(f"http://127.0.0.1:{port}", "boss@example.com").cookie
        stream = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        stream.request("GET", "/events/", headers={"Cookie": cookie})
        response = stream.getresponse()
        assert response.status == 200
        assert response.getheader("Content-Type") == "text/event-stream"

        def read() -> None:
            while True:
                line = response.readline().decode()
                if not line:
                    return
                received.append(line.strip())
                if '"type": "post.created"' in line:
                    return

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        time.sleep(0.5)
        written = time.monotonic()
        subprocess.run(
            [*AGORA, "shell", "-c",
             "from agora.people.models import User\n"
             "from agora.posts.actions import do_create_post\n"
             "do_create_post(User.objects.get(email='boss@example.com'), space=None, body='Hi')"],
            env=env, check=True, capture_output=True,
        )  # fmt: skip
        reader.join(10)
        assert any(
            line.startswith("data: ") and '"type": "post.created"' in line for line in received
        )
        # Another process's commit wakes nobody here: the hub's poll finds it within
        # a couple of seconds (plus this test's process start-up).
        assert time.monotonic() - written < 10
        # And the server stops promptly with a stream still open.
        server.terminate()
        stopped = time.monotonic()
        server.wait(timeout=15)
        assert time.monotonic() - stopped < 10
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
