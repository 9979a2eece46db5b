"""Checks Jupyter messages against the messaging spec 5.x (jupyter_client's docs/messaging.rst).

The checks follow jupyter_kernel_test's msgspec_v5 (not on the local package mirror), without jsonschema:
a small schema per msg_type names each required key and its type; optional keys are typed when present.
Replies carry status ok (their own fields) or error (ename, evalue, traceback), as every reply must.
validate(msg) raises MessageSpecError naming the message type and the key at fault.
"""
import re
from datetime import datetime


class MessageSpecError(AssertionError):
    pass


# Type checks, each a (description, predicate) pair so an error can say what was expected.
def _is(description, predicate):
    return description, predicate


STR = _is("a string", lambda v: isinstance(v, str))
BOOL = _is("a boolean", lambda v: isinstance(v, bool))
INT = _is("an integer", lambda v: isinstance(v, int) and not isinstance(v, bool))
DICT = _is("an object", lambda v: isinstance(v, dict))
STR_LIST = _is("a list of strings", lambda v: isinstance(v, list) and all(isinstance(s, str) for s in v))
MIME = re.compile(r"^[\w\-+.]+/[\w\-+.]+$")
MIME_BUNDLE = _is("an object keyed by MIME type", lambda v: isinstance(v, dict) and all(MIME.match(k) for k in v))


def one_of(*values):
    return _is(f"one of {values}", lambda v: v in values)


def const(value):
    return _is(repr(value), lambda v: v == value)


def list_of(schema):
    return _is(f"a list of {{{', '.join(schema)}}}", lambda v: isinstance(v, list) and all(_fits(x, schema) for x in v))


def object_of(schema):
    return _is(f"an object {{{', '.join(schema)}}}", lambda v: _fits(v, schema))


def _fits(value, schema):
    try:
        _check(value, schema, "")
        return True
    except MessageSpecError:
        return False


def _history_entry(v):
    """(session, line, input) or, for output=True, (session, line, (input, output)); output may be null."""
    if not (isinstance(v, list) and len(v) == 3 and INT[1](v[0]) and INT[1](v[1])):
        return False
    io = v[2]
    return isinstance(io, str) or (isinstance(io, list) and len(io) == 2 and isinstance(io[0], str)
                                   and (io[1] is None or isinstance(io[1], str)))


# A schema maps each key to (type check, required).
def req(check):
    return check, True


def opt(check):
    return check, False


HEADER = {"msg_id": req(STR), "username": req(STR), "session": req(STR),
          "date": req(_is("a date", lambda v: isinstance(v, (str, datetime)))),  # jupyter_client parses it
          "msg_type": req(STR), "version": req(_is("a 5.x version", lambda v: isinstance(v, str)
                                                    and re.match(r"^5\.\d+$", v)))}

LANGUAGE_INFO = {"name": req(STR), "version": req(STR), "mimetype": req(STR), "file_extension": req(STR),
                 "pygments_lexer": opt(STR), "nbconvert_exporter": opt(STR),
                 "codemirror_mode": opt(_is("a string or object", lambda v: isinstance(v, (str, dict))))}

ERROR_CONTENT = {"ename": req(STR), "evalue": req(STR), "traceback": req(STR_LIST)}

# Content of each reply when status is ok ("status" itself is checked by validate).
OK_REPLIES = {
    "kernel_info_reply": {"protocol_version": req(_is("a 5.x version", lambda v: isinstance(v, str)
                                                       and re.match(r"^5\.\d+(\.\d+)?$", v))),
                          "implementation": req(STR), "implementation_version": req(STR),
                          "language_info": req(object_of(LANGUAGE_INFO)), "banner": req(STR),
                          "help_links": req(list_of({"text": req(STR), "url": req(STR)})),
                          "debugger": opt(BOOL)},
    "execute_reply": {"execution_count": req(INT), "user_expressions": req(DICT),
                      "payload": req(_is("a list of objects", lambda v: isinstance(v, list)
                                         and all(isinstance(p, dict) for p in v)))},
    "inspect_reply": {"found": req(BOOL), "data": req(MIME_BUNDLE), "metadata": req(DICT)},
    "complete_reply": {"matches": req(STR_LIST), "cursor_start": req(INT), "cursor_end": req(INT),
                       "metadata": req(DICT)},
    "history_reply": {"history": req(_is("a list of (session, line, input) triples",
                                         lambda v: isinstance(v, list) and all(_history_entry(e) for e in v)))},
    "comm_info_reply": {"comms": req(_is("an object of {comm_id: {target_name}}",
                                         lambda v: isinstance(v, dict) and all(
                                             isinstance(c, dict) and isinstance(c.get("target_name"), str)
                                             for c in v.values())))},
    "shutdown_reply": {"restart": req(BOOL)},
    "interrupt_reply": {},
}

# is_complete_reply's status is its answer, not ok/error.
IS_COMPLETE_REPLY = {"status": req(one_of("complete", "incomplete", "invalid", "unknown")), "indent": opt(STR)}

IOPUB = {
    "status": {"execution_state": req(one_of("busy", "idle", "starting"))},
    "execute_input": {"code": req(STR), "execution_count": req(INT)},
    "stream": {"name": req(one_of("stdout", "stderr")), "text": req(STR)},
    "display_data": {"data": req(MIME_BUNDLE), "metadata": req(DICT),
                     "transient": opt(object_of({"display_id": opt(STR)}))},
    "update_display_data": {"data": req(MIME_BUNDLE), "metadata": req(DICT),
                            "transient": req(object_of({"display_id": req(STR)}))},
    "execute_result": {"execution_count": req(INT), "data": req(MIME_BUNDLE), "metadata": req(DICT),
                       "transient": opt(DICT)},
    "error": ERROR_CONTENT,
    "clear_output": {"wait": req(BOOL)},
    "comm_open": {"comm_id": req(STR), "target_name": req(STR), "data": req(DICT)},
    "comm_msg": {"comm_id": req(STR), "data": req(DICT)},
    "comm_close": {"comm_id": req(STR), "data": req(DICT)},
}


def _check(obj, schema, where):
    if not isinstance(obj, dict):
        raise MessageSpecError(f"{where or 'value'} is not an object: {obj!r}")
    for key, ((description, predicate), required) in schema.items():
        if key not in obj:
            if required:
                raise MessageSpecError(f"{where}: missing required key {key!r} in {sorted(obj)}")
            continue
        if not predicate(obj[key]):
            raise MessageSpecError(f"{where}: {key!r} should be {description}, got {obj[key]!r}")


def validate(msg, msg_type=None, parent_id=None):
    """Checks one message as jupyter_client delivers it; returns its content."""
    for part in ("header", "parent_header", "metadata", "content"):
        if not isinstance(msg.get(part), dict):
            raise MessageSpecError(f"message lacks {part!r} as an object: {msg!r}")
    _check(msg["header"], HEADER, "header")
    kind = msg["header"]["msg_type"]
    if msg_type is not None and kind != msg_type:
        raise MessageSpecError(f"expected a {msg_type}, got a {kind}")
    if parent_id is not None and msg["parent_header"].get("msg_id") != parent_id:
        raise MessageSpecError(f"{kind}: parent msg_id {msg['parent_header'].get('msg_id')!r} != {parent_id!r}")
    content = msg["content"]
    if kind == "is_complete_reply":
        _check(content, IS_COMPLETE_REPLY, kind)
        if content["status"] == "incomplete" and "indent" not in content:
            raise MessageSpecError(f"{kind}: status incomplete needs 'indent'")
    elif kind in OK_REPLIES:
        status = content.get("status")
        if status == "ok":
            _check(content, OK_REPLIES[kind], kind)
        elif status == "error":
            _check(content, ERROR_CONTENT, kind + " (error)")
        else:
            raise MessageSpecError(f"{kind}: 'status' should be 'ok' or 'error', got {status!r} in {content!r}")
        if kind == "execute_reply":
            _check(content, {"execution_count": req(INT)}, kind)
    elif kind in IOPUB:
        _check(content, IOPUB[kind], kind)
    else:
        raise MessageSpecError(f"no schema for message type {kind!r}")
    return content


def check_bracketing(iopub, request_type, silent=False):
    """The spec's busy/idle sequence for one request's IOPub messages (all with it as parent):
    status busy first, status idle last, no other status between; an execute_request's execute_input
    right after busy, and a silent one's busy and idle alone (silent: no execute_input, no output)."""
    kinds = [(m["msg_type"], m["content"].get("execution_state")) for m in iopub]
    if silent:
        if kinds != [("status", "busy"), ("status", "idle")]:
            raise MessageSpecError(f"{request_type} (silent): IOPub should carry busy and idle only, got {kinds}")
        return
    if not kinds or kinds[0] != ("status", "busy"):
        raise MessageSpecError(f"{request_type}: IOPub should open with status busy, got {kinds}")
    if kinds[-1] != ("status", "idle"):
        raise MessageSpecError(f"{request_type}: IOPub should close with status idle, got {kinds}")
    if any(k == "status" for k, _ in kinds[1:-1]):
        raise MessageSpecError(f"{request_type}: a status between busy and idle: {kinds}")
    if request_type == "execute_request" and (len(kinds) < 3 or kinds[1][0] != "execute_input"):
        raise MessageSpecError(f"execute_request: execute_input should follow busy, got {kinds}")
