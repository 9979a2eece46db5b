"""The PromptScope Java kernel driven by jupyter_client, as JupyterLab and nbclient drive it."""
import threading
import time


def streams(outputs, name):
    return "".join(o["content"]["text"] for o in outputs if o["msg_type"] == "stream" and o["content"]["name"] == name)


def test_kernel_info(kernel):
    kernel.kc.kernel_info()
    reply = kernel.kc.get_shell_msg(timeout=30)
    assert reply["content"]["language_info"]["name"] == "Java"
    assert reply["content"]["implementation"] == "promptscope-kernel"


def test_trailing_expression_value(kernel):
    assert kernel.value("int a = 20;\nint b = 22;\na + b")["text/plain"] == "42"
    reply, outputs = kernel.execute("int c = 1;")
    assert reply["status"] == "ok" and not [o for o in outputs if o["msg_type"] == "execute_result"]


def test_stdout_and_stderr(kernel):
    reply, outputs = kernel.execute('System.out.println("to out");\nSystem.err.println("to err");')
    assert reply["status"] == "ok"
    assert streams(outputs, "stdout") == "to out\n"
    assert streams(outputs, "stderr") == "to err\n"


def test_stream_arrives_while_cell_runs(kernel):
    msg_id = kernel.kc.execute('System.out.print("early");\nThread.sleep(2500);\nSystem.out.print("late");')
    first_stream_at, idle_at = None, None
    start = time.time()
    while idle_at is None:
        msg = kernel.kc.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream" and first_stream_at is None:
            first_stream_at = time.time() - start
            assert msg["content"]["text"].startswith("early")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            idle_at = time.time() - start
    kernel.kc.get_shell_msg(timeout=30)
    assert first_stream_at is not None and idle_at - first_stream_at > 1.5, (first_stream_at, idle_at)


def test_progress_line_rewrites_in_place(kernel):
    reply, outputs = kernel.execute(
        'try (Progress p = Progress.start("steps", 3, 0)) {\n'
        '  for (int i = 1; i <= 3; i++) { p.update(i, "loss " + i); Thread.sleep(600); }\n}')
    assert reply["status"] == "ok"
    text = streams(outputs, "stdout")
    assert "\r" in text and "steps 3/3" in text, repr(text)


def test_compile_error_shows_message_and_line(kernel):
    reply, outputs = kernel.execute("int ok = 1;\nString s = ok;")
    assert reply["status"] == "error"
    err = [o for o in outputs if o["msg_type"] == "error"][0]["content"]
    tb = "\n".join(err["traceback"])
    assert "line 2" in tb and "incompatible types" in tb, tb


def test_runtime_exception_has_readable_trace(kernel):
    reply, outputs = kernel.execute('void boom() { throw new IllegalArgumentException("bad input"); }\nboom();')
    assert reply["status"] == "error"
    err = [o for o in outputs if o["msg_type"] == "error"][0]["content"]
    tb = "\n".join(err["traceback"])
    assert "java.lang.IllegalArgumentException: bad input" in tb, tb
    assert "boom (cell" in tb and "jdk.internal.reflect" not in tb, tb


def test_table_renders_as_html(kernel):
    data = kernel.value('Table t = Table.create("demo", tech.tablesaw.api.IntColumn.create("x", 1, 2, 3));\nt')
    assert "<table" in data["text/html"] and "3 rows × 1 columns" in data["text/html"]


def test_display_publishes_display_data(kernel):
    reply, outputs = kernel.execute('display(Table.create("shown"));\ndisplay(io.github.promptscope.plots.Html.of("<b>hi</b>"));')
    assert reply["status"] == "ok"
    shown = [o["content"]["data"] for o in outputs if o["msg_type"] == "display_data"]
    assert len(shown) == 2 and "<table" in shown[0]["text/html"] and shown[1]["text/html"] == "<b>hi</b>"


def test_figure_renders_inline_with_embedded_plotly(kernel):
    data = kernel.value(
        'Table s = Table.create("s", tech.tablesaw.api.StringColumn.create("k", "a", "b"),\n'
        '    tech.tablesaw.api.DoubleColumn.create("v", 1.0, 2.0));\n'
        'Plots.bar(s, "k", "v", "demo")')
    html = data["text/html"]
    assert "plotly.js v2.35.3" in html and "Plotly.newPlot" in html and "cdn.plot.ly/plotly" not in html


def test_kernel_gson_does_not_shadow_notebook(kernel):
    # The kernel's own gson is relocated, so the notebook has none until it adds one.
    reply, outputs = kernel.execute('Class.forName("com.google.gson.Gson")')
    assert reply["status"] == "error"
    data = kernel.value('%maven com.google.code.gson:gson:2.8.9\n'
                        'com.google.gson.Gson.class.getProtectionDomain().getCodeSource().getLocation().toString()')
    assert "gson-2.8.9.jar" in data["text/plain"], data


def test_completion_and_inspection(kernel):
    kernel.execute('String greeting = "hi";')
    kernel.kc.complete("greeting.toUpp", 14)
    reply = kernel.kc.get_shell_msg(timeout=30)["content"]
    assert any(m.startswith("toUpperCase") for m in reply["matches"]), reply
    kernel.kc.inspect("Math.abs(1)", 6)
    reply = kernel.kc.get_shell_msg(timeout=30)["content"]
    assert reply["found"] and "abs" in reply["data"]["text/plain"]


def test_interrupt_stops_loop_and_kernel_stays_usable(kernel):
    kernel.execute("long steps = 0;")
    timer = threading.Timer(1.5, kernel.km.interrupt_kernel)
    timer.start()
    reply, outputs = kernel.execute(
        "while (true) {\n  steps++;\n  io.github.promptscope.util.Interrupts.check();\n}", timeout=60)
    timer.join()
    assert reply["status"] == "error"
    tb = "\n".join([o for o in outputs if o["msg_type"] == "error"][0]["content"]["traceback"])
    assert "Interrupted" in tb, tb
    assert int(kernel.value("steps")["text/plain"]) > 0
    assert kernel.value("6 * 7")["text/plain"] == "42"


def test_restart_clears_state(kernel):
    kernel.execute("int beforeRestart = 5;")
    kernel.km.restart_kernel(now=False)
    kernel.kc.wait_for_ready(timeout=120)
    reply, _ = kernel.execute("beforeRestart")
    assert reply["status"] == "error"
    assert kernel.value("1 + 1")["text/plain"] == "2"
