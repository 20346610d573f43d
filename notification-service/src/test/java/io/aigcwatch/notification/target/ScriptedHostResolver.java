package io.aigcwatch.notification.target;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS server a test scripts, such as one that answers differently on consecutive lookups (DNS rebinding). Names
 * it has no script for go to the system's resolver. On with {@code test.scripted-dns: true}.
 */
@Singleton
@Replaces(SystemHostResolver.class)
@Requires(property = "test.scripted-dns", value = "true")
public class ScriptedHostResolver implements HostResolver {
    private final Map<String, Deque<List<InetAddress>>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    /** The next lookups of {@code host} get these answers in order; the last one stays for every lookup after. */
    public void answer(String host, String... addresses) throws UnknownHostException {
        Deque<List<InetAddress>> script = new ConcurrentLinkedDeque<>();
        for (String address : addresses) {
            script.add(List.of(InetAddress.getByName(address)));
        }
        answers.put(host, script);
    }

    public int lookups(String host) {
        return lookups.getOrDefault(host, new AtomicInteger()).get();
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        Deque<List<InetAddress>> script = answers.get(host);
        if (script == null) {
            return List.of(InetAddress.getAllByName(host));
        }
        lookups.computeIfAbsent(host, key -> new AtomicInteger()).incrementAndGet();
        List<InetAddress> next = script.size() > 1 ? script.poll() : script.peek();
        if (next == null) {
            throw new UnknownHostException(host);
        }
        return next;
    }
}
