package io.aigcwatch.stack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortOwnerTest {
    private HttpServer squatter;

    @BeforeEach
    void listenOnAPort() throws IOException {
        squatter = HttpServer.create(new InetSocketAddress(0), 0);
        squatter.start();
    }

    @AfterEach
    void stopListening() {
        squatter.stop(0);
    }

    @Test
    void theProcessThatListensOwnsThePort() {
        assertTrue(PortOwner.listensOn(ProcessHandle.current().pid(), port()));
    }

    @Test
    void aLiveProcessThatDoesNotListenDoesNotOwnThePort() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            assertTrue(other.isAlive());
            assertFalse(PortOwner.listensOn(other.pid(), port()));
        } finally {
            other.destroy();
            other.waitFor();
        }
    }

    /**
     * The race behind a flaky ServiceProcessTest: a service that dies on the taken port, between the other
     * program's health answer and the owner check, has no /proc entry left. That is not "cannot tell".
     */
    @Test
    void aProcessThatHasExitedOwnsNoPort() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.onExit().join();

        assertFalse(PortOwner.listensOn(gone.pid(), port()));
    }

    private int port() {
        return squatter.getAddress().getPort();
    }
}
