package io.aigcwatch.notification;

import io.micronaut.runtime.Micronaut;

public final class NotificationApplication {
    private NotificationApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(NotificationApplication.class, args);
    }
}
