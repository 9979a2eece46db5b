"""The quickstart's HTML export in headless Chromium: the plot is drawn (plotly's SVG is in the page),
a screenshot is taken, and the page makes no network request (every request would go through a
recording proxy on the loopback address; file:// loads do not)."""
import http.server
import os
import re
import shutil
import signal
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "results" / "notebooks"
HTML = OUT / "00_quickstart.html"


class RecordingProxy(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

    def __init__(self):
        self.requests = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _record(self):
                outer.requests.append(f"{self.command} {self.path}")
                self.send_error(403, "offline test: no network")

            do_GET = do_POST = do_HEAD = do_CONNECT = do_PUT = do_OPTIONS = _record

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)


def chromium():
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        pytest.fail("chromium is not installed; run environment/setup")
    return exe


@pytest.fixture(scope="module")
def export():
    if not HTML.is_file():  # test-kernel run on its own: execute the quickstart first
        subprocess.run([sys.executable, str(REPO / "environment" / "run_notebooks.py"),
                        str(REPO / "notebooks" / "00_quickstart.ipynb")], check=True)
    return HTML


def run_chromium(args, proxy_port, tmp_path):
    cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--disable-default-apps", "--disable-extensions", "--metrics-recording-only",
           "--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication",
           f"--user-data-dir={tmp_path / 'profile'}",
           f"--proxy-server=http://127.0.0.1:{proxy_port}", "--proxy-bypass-list=<-loopback>",
           "--virtual-time-budget=10000", "--window-size=1280,3200"] + args
    # Chromium leaves helper processes holding inherited pipes: write to a file, then end the whole group.
    out_file = tmp_path / "stdout.txt"
    with open(out_file, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            rc = proc.wait(timeout=120)
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    return subprocess.CompletedProcess(cmd, rc, out_file.read_text(errors="replace"), "")


# Chromium's own background traffic (component updates, clock check, sign-in), not the page's.
BROWSER_HOSTS = ("google.com", "googleapis.com")


def page_requests(requests):
    def host(r):
        target = r.split(" ", 1)[1]
        target = target.split("://", 1)[-1]
        return target.split("/", 1)[0].split(":", 1)[0]
    return [r for r in requests if not host(r).endswith(BROWSER_HOSTS)]


def test_quickstart_export_draws_plot_offline(export, tmp_path):
    html = export.read_text(encoding="utf-8")
    remote = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:[^"]+)"', html)
    assert not remote, f"the export references remote resources: {remote}"
    proxy = RecordingProxy()
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        dom = run_chromium(["--dump-dom", export.as_uri()], proxy.server_address[1], tmp_path)
        assert dom.returncode == 0, dom.stdout[-2000:]
        # The library's own text contains these class names too; look for the drawn elements.
        assert '<svg class="main-svg"' in dom.stdout, "plotly did not draw its SVG"
        assert '<g class="trace bars"' in dom.stdout, "no bar trace in the drawn SVG"
        shot = OUT / "00_quickstart.png"
        shot.unlink(missing_ok=True)
        res = run_chromium([f"--screenshot={shot}", export.as_uri()], proxy.server_address[1], tmp_path)
        assert res.returncode == 0 and shot.is_file() and shot.stat().st_size > 20_000, res.stdout[-2000:]
    finally:
        proxy.shutdown()
    assert page_requests(proxy.requests) == [], f"the page made network requests: {proxy.requests}"
