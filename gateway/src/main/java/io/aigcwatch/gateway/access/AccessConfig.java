package io.aigcwatch.gateway.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param apiKeys       comma-separated {@code KEY=scope+scope} or {@code sha256:<64 hex>=scope+scope} entries, as
 *                      {@link ApiKeySpec} reads them; empty means no key is accepted
 * @param anonymousRead whether a request without any key may read, as on a developer's own machine
 */
@ConfigurationProperties("aigcwatch.gateway")
record AccessConfig(@Nullable String apiKeys, @Bindable(defaultValue = "false") boolean anonymousRead) {
}
