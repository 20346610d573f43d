package io.aigcwatch.gateway.webhook;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification, which its reference libraries test against. */
    @Test
    void signsTheSpecificationsExampleAsTheSpecificationDoes() {
        String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");

        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    @Test
    void onlyWellFormedSecretsOfEnoughBytesAreAccepted() {
        assertEquals(Optional.empty(), WebhookSecret.problemWith(WebhookSecret.generate()));
        assertEquals(Optional.empty(), WebhookSecret.problemWith("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertTrue(WebhookSecret.problemWith("hunter2").isPresent());
        assertTrue(WebhookSecret.problemWith("whsec_c2hvcnQ=").isPresent(), "5 bytes");
        assertTrue(WebhookSecret.problemWith("whsec_not base64!").isPresent());
    }
}
