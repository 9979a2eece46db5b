"""The kernel against the messaging spec 5.x: each request type through jupyter_client, its reply and every
IOPub message validated (jupyter_msgspec), busy/idle bracketing each request; display, clear_output and
history as IJava and IPython behave."""
import pytest

from conftest import start_kernel
from jupyter_msgspec import MessageSpecError, validate


def iopub_types(iopub):
    return [m["msg_type"] for m in iopub]


def test_validator_rejects_what_basekernel_sent():
    # kernel_info_reply as basekernel 2.3.0 wrote it (no status, no help_links) must fail the check.
    header = {"msg_id": "1", "username": "kernel", "session": "s", "date": "2024-01-01T00:00:00Z",
              "msg_type": "kernel_info_reply", "version": "5.3"}
    info = {"protocol_version": "5.3", "implementation": "promptscope-kernel", "implementation_version": "0.1.0",
            "language_info": {"name": "Java", "version": "17", "mimetype": "text/x-java-source",
                              "file_extension": ".jshell"}, "banner": "b"}
    msg = {"header": header, "parent_header": {}, "metadata": {}, "content": info}
    with pytest.raises(MessageSpecError, match="status"):
        validate(msg)
    msg["content"] = {**info, "status": "ok"}
    with pytest.raises(MessageSpecError, match="help_links"):
        validate(msg)
    msg["content"]["help_links"] = [{"text": "Java", "url": "https://example.org"}]
    assert validate(msg)["status"] == "ok"
    msg["header"]["msg_type"], msg["content"] = "interrupt_reply", {}
    with pytest.raises(MessageSpecError, match="status"):
        validate(msg)


def test_kernel_info_reply(kernel):
    reply, iopub = kernel.request("kernel_info_request")
    c = reply["content"]
    assert c["status"] == "ok" and c["protocol_version"] == "5.3"
    assert c["implementation"] == "promptscope-kernel" and c["implementation_version"] == "0.1.0"
    lang = c["language_info"]
    assert (lang["name"], lang["mimetype"], lang["file_extension"]) == ("Java", "text/x-java-source", ".jshell")
    assert lang["version"].startswith("17")
    assert [h["text"] for h in c["help_links"]] == ["Java 17 API", "JShell user guide", "Tablesaw"]
    assert iopub_types(iopub) == ["status", "status"]


def test_execute_ok_result_and_counts(kernel):
    reply, iopub = kernel.request("execute_request", {"code": "6 * 7", "silent": False, "store_history": True,
                                                     "user_expressions": {}, "allow_stdin": False})
    c = reply["content"]
    assert c["status"] == "ok" and c["payload"] == [] and c["user_expressions"] == {}
    assert iopub_types(iopub) == ["status", "execute_input", "execute_result", "status"]
    assert iopub[1]["content"] == {"code": "6 * 7", "execution_count": c["execution_count"]}
    assert iopub[2]["content"]["execution_count"] == c["execution_count"]
    assert iopub[2]["content"]["data"]["text/plain"] == "42"
    again, _ = kernel.execute("1")
    assert again["execution_count"] == c["execution_count"] + 1


def test_execute_stream_and_error(kernel):
    reply, outputs = kernel.execute('System.out.println("a");\nSystem.err.println("b");')
    assert reply["status"] == "ok"
    assert [(o["content"]["name"], o["content"]["text"]) for o in outputs] == [("stdout", "a\n"), ("stderr", "b\n")]
    reply, outputs = kernel.execute('throw new IllegalStateException("no");')
    assert reply["status"] == "error" and reply["ename"]  # the error reply's fields are checked by validate
    errors = [o["content"] for o in outputs if o["msg_type"] == "error"]
    assert len(errors) == 1 and "java.lang.IllegalStateException: no" in "\n".join(errors[0]["traceback"])
    assert reply["traceback"] == errors[0]["traceback"], "the reply shows the error as the broadcast does"


def silent_execute(kernel, code):
    """A silent execute_request, as a front end sends one for its own bookkeeping; collect() checks that its
    IOPub messages are busy and idle alone (jupyter_msgspec.check_bracketing)."""
    reply, iopub = kernel.request("execute_request", {"code": code, "silent": True, "store_history": True,
                                                     "user_expressions": {}, "allow_stdin": False})
    return reply["content"], iopub


def test_silent_execute_runs_but_broadcasts_nothing(kernel):
    # Spec 5.x: silent=true broadcasts no execute_input, no execute_result and no output, and forces
    # store_history=false. basekernel published all of them; a stream left in its buffer (print without
    # a newline) must not surface in the next cell either.
    counted, _ = kernel.execute("1")
    for code in ('System.out.println("to out");\nSystem.err.println("to err");\n6 * 7',
                 'display(io.github.promptscope.plots.Html.of("<b>shown</b>"));',
                 'System.out.print("old");\nclearOutput();\nint setSilently = 5;\nSystem.out.print("tail")'):
        reply, iopub = silent_execute(kernel, code)
        assert reply["status"] == "ok", reply
        assert iopub_types(iopub) == ["status", "status"], iopub
    reply, iopub = silent_execute(kernel, 'throw new IllegalStateException("quiet");')
    assert iopub_types(iopub) == ["status", "status"], iopub
    assert reply["status"] == "error" and "java.lang.IllegalStateException: quiet" in "\n".join(reply["traceback"])
    # the silent cells ran: their variables exist; no stream of theirs reaches the next cell
    after, outputs = kernel.execute("setSilently * 2")
    assert [o["msg_type"] for o in outputs] == ["execute_result"], outputs
    assert outputs[0]["content"]["data"]["text/plain"] == "10"
    assert after["execution_count"] == counted["execution_count"] + 1, "silent executes take no count"


def test_store_history_false_shows_output_but_takes_no_count(kernel):
    counted, _ = kernel.execute("1")
    reply, iopub = kernel.request("execute_request", {"code": 'System.out.println("seen");\n40 + 2', "silent": False,
                                                     "store_history": False, "user_expressions": {},
                                                     "allow_stdin": False})
    c = reply["content"]
    assert c["status"] == "ok"
    assert iopub_types(iopub) == ["status", "execute_input", "stream", "execute_result", "status"]
    assert iopub[3]["content"]["data"]["text/plain"] == "42"
    # not stored: the counter stays where it stands (the next stored cell's number) for this cell's messages
    assert c["execution_count"] == counted["execution_count"] + 1
    assert iopub[1]["content"]["execution_count"] == iopub[3]["content"]["execution_count"] == c["execution_count"]
    after, _ = kernel.execute("2")
    assert after["execution_count"] == counted["execution_count"] + 1


def test_complete_reply(kernel):
    kernel.execute('String greeting = "hi";')
    reply, iopub = kernel.request("complete_request", {"code": "greeting.toUpp", "cursor_pos": 14})
    c = reply["content"]
    assert c["status"] == "ok" and "toUpperCase(" in c["matches"]
    assert (c["cursor_start"], c["cursor_end"]) == (9, 14)
    assert iopub_types(iopub) == ["status", "status"]


def test_inspect_reply_found_and_not_found(kernel):
    reply, _ = kernel.request("inspect_request", {"code": "Math.abs(1)", "cursor_pos": 6, "detail_level": 0})
    assert reply["content"]["found"] is True and "abs" in reply["content"]["data"]["text/plain"]
    reply, _ = kernel.request("inspect_request", {"code": "   ", "cursor_pos": 1, "detail_level": 0})
    assert reply["content"] == {"status": "ok", "found": False, "data": {}, "metadata": {}}


@pytest.mark.parametrize("code, status", [("int x = 1;", "complete"), ("for (int i = 0; i < 3; i++) {", "incomplete"),
                                          ("%maven a:b:1", "complete")])
def test_is_complete_reply(kernel, code, status):
    reply, iopub = kernel.request("is_complete_request", {"code": code})
    assert reply["content"]["status"] == status
    assert iopub_types(iopub) == ["status", "status"]


def test_comm_info_reply(kernel):
    reply, _ = kernel.request("comm_info_request", {})
    assert reply["content"] == {"status": "ok", "comms": {}}


def test_history_tail_range_search(kernel):
    # A fresh kernel, so the history holds exactly these cells (lines are execution counts).
    k = start_kernel()
    try:
        counts = []
        for code in ("int h = 1;", "h + 1", "h + 1", 'System.out.println("no value");'):
            reply, _ = k.execute(code)
            counts.append(reply["execution_count"])
        k.execute("h", silent=True)  # silent: not in the history, no count
        k.execute("h * 100", store_history=False)
        first, second, third, fourth = counts
        assert counts == [1, 2, 3, 4]
        tail, _ = k.request("history_request", {"hist_access_type": "tail", "n": 2, "output": False, "raw": True})
        assert tail["content"]["history"] == [[1, third, "h + 1"], [1, fourth, 'System.out.println("no value");']]
        rng, _ = k.request("history_request", {"hist_access_type": "range", "session": 0, "start": second,
                                               "stop": fourth, "output": True, "raw": True})
        assert rng["content"]["history"] == [[1, second, ["h + 1", "2"]], [1, third, ["h + 1", "2"]]]
        found, _ = k.request("history_request", {"hist_access_type": "search", "pattern": "h*", "unique": True,
                                                 "output": False, "raw": True})
        assert found["content"]["history"] == [[1, third, "h + 1"]]
        everything, _ = k.request("history_request", {"hist_access_type": "search", "pattern": "*", "n": 10,
                                                      "output": True, "raw": False})
        assert [e[1] for e in everything["content"]["history"]] == counts
        assert everything["content"]["history"][3][2] == ['System.out.println("no value");', None]
        last, _ = k.execute("h")
        assert last["execution_count"] == 5, "neither the silent nor the unstored cell took a count"
    finally:
        k.kc.stop_channels()
        k.km.shutdown_kernel(now=True)


def test_display_data_and_update(kernel):
    reply, outputs = kernel.execute(
        'String id = display(Table.create("t", tech.tablesaw.api.IntColumn.create("x", 1, 2)));\n'
        'updateDisplay(id, io.github.promptscope.plots.Html.of("<i>done</i>"));\n'
        'String last = display("<b>x</b>", "text/html");')  # a declaration: no execute_result
    assert reply["status"] == "ok"
    assert [o["msg_type"] for o in outputs] == ["display_data", "update_display_data", "display_data"]
    table, update, html = (o["content"] for o in outputs)
    assert "<table" in table["data"]["text/html"] and "2 rows × 1 columns" in table["data"]["text/html"]
    assert update["transient"]["display_id"] == table["transient"]["display_id"]
    assert update["data"]["text/html"] == "<i>done</i>"
    assert html["data"]["text/html"] == "<b>x</b>" and "text/plain" in html["data"]


def test_clear_output_clears_what_came_before(kernel):
    reply, outputs = kernel.execute(
        'System.out.print("old");\nclearOutput();\nSystem.out.println("new");\nclearOutput(true);\n'
        'String last = display(io.github.promptscope.plots.Html.of("<p>last</p>"));')
    assert reply["status"] == "ok"
    kinds = [(o["msg_type"], o["content"].get("wait", o["content"].get("text"))) for o in outputs]
    assert kinds == [("stream", "old"), ("clear_output", False), ("stream", "new\n"), ("clear_output", True),
                     ("display_data", None)], kinds


def test_interrupt_reply_on_control(kernel):
    reply, iopub = kernel.request("interrupt_request", channel="control")
    assert reply["content"] == {"status": "ok"}
    assert iopub_types(iopub) == ["status", "status"]
    assert kernel.value("2 + 2")["text/plain"] == "4"  # an idle interrupt leaves the kernel usable


@pytest.mark.parametrize("restart", [False, True])
def test_shutdown_reply(restart):
    k = start_kernel()
    try:
        reply, iopub = k.request("shutdown_request", {"restart": restart}, channel="control")
        assert reply["content"] == {"status": "ok", "restart": restart}
        assert iopub_types(iopub) == ["status", "status"]
        k.km.provisioner.process.wait(timeout=60)  # the kernel exits by itself after replying
        assert not k.km.is_alive()
    finally:
        k.kc.stop_channels()
        k.km.cleanup_resources()
