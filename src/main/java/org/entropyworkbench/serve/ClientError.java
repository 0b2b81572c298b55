package org.entropyworkbench.serve;

/**
 * A request the proxy refuses before calling upstream, answered as OpenAI's error object.
 *
 * @see OpenAiJson#error
 */
final class ClientError extends Exception {
    private final int status;
    private final String type;
    private final String code;
    private final String param;

    ClientError(int status, String type, String code, String param, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static ClientError invalid(String param, String message) {
        return new ClientError(400, "invalid_request_error", null, param, message);
    }

    int status() { return status; }

    String type() { return type; }

    String code() { return code; }

    String param() { return param; }
}
