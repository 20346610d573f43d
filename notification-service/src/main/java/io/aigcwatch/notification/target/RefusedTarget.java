package io.aigcwatch.notification.target;

/** A webhook URL that {@link TargetGuard} refused; the message says why, as a sentence about the {@code url} field. */
public class RefusedTarget extends Exception {

    RefusedTarget(String reason) {
        super(reason, null, false, false);
    }
}
