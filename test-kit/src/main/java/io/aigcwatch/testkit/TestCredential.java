package io.aigcwatch.testkit;

import java.net.http.HttpRequest;

/**
 * The internal credential of every test service: {@link TestInfra#serviceProperties()} configures it, and a test
 * that calls a service directly, as the gateway would, sends it with {@link #on}. A test of what a stranger gets
 * builds its request without it.
 */
public final class TestCredential {
    /** service-kit's {@code InternalCredential.HEADER}; a service-kit test keeps the two equal. */
    public static final String HEADER = "X-Aigcwatch-Internal-Credential";
    public static final String PROPERTY = "aigcwatch.internal.credential";
    public static final String VALUE = "test-internal-credential-5d1f0b7e9a3c";

    private TestCredential() {
    }

    /** The request, carrying the credential. */
    public static HttpRequest.Builder on(HttpRequest.Builder request) {
        return request.header(HEADER, VALUE);
    }
}
