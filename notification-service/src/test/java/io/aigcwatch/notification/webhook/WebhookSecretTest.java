package io.aigcwatch.notification.webhook;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSecretTest {

    @Test
    void onlyWellFormedSecretsOfEnoughBytesAreAccepted() {
        assertEquals(Optional.empty(), WebhookSecret.problemWith(WebhookSecret.generate()));
        assertEquals(Optional.empty(), WebhookSecret.problemWith("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertTrue(WebhookSecret.problemWith("hunter2").isPresent());
        assertTrue(WebhookSecret.problemWith("whsec_c2hvcnQ=").isPresent(), "5 bytes");
        assertTrue(WebhookSecret.problemWith("whsec_not base64!").isPresent());
    }
}
