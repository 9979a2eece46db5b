package io.github.promptscope.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error the client gets as the OpenAI API shapes it:
 * {@code {"error": {"message", "type", "param", "code"}}}, with an HTTP status. Everything the
 * server rejects goes through this, so clients (the Python and Java SDKs) raise their usual typed
 * exceptions and nobody sees a stack trace.
 */
final class ApiError extends RuntimeException {

    final int status;
    final String type;
    final String param;
    final String code;

    ApiError(int status, String type, String message, String param, String code) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    /** 400: the request is malformed or asks for something out of range. */
    static ApiError invalid(String message, String param) {
        return new ApiError(400, "invalid_request_error", message, param, null);
    }

    static ApiError unauthorized() {
        return new ApiError(401, "invalid_request_error",
                "missing or wrong API key: send the header 'Authorization: Bearer KEY' with serve's --api-key",
                null, "invalid_api_key");
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", getMessage());
        e.put("type", type);
        e.put("param", param);
        e.put("code", code);
        return root;
    }
}
