package org.gallerist.tests.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A stock OpenSSH {@code ssh-agent} on its own socket, for one test; stopped by its process handle. */
public final class SshAgentProcess implements AutoCloseable {
    private final Process agent;
    private final Path socket;

    private SshAgentProcess(Process agent, Path socket) {
        this.agent = agent;
        this.socket = socket;
    }

    /** Starts an agent listening on {@code dir/agent.sock} and waits (at most 10 s) until it does. */
    public static SshAgentProcess start(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket)) {
            if (!agent.isAlive() || System.nanoTime() > deadline) {
                agent.destroyForcibly();
                throw new IllegalStateException("ssh-agent did not start on " + socket);
            }
            Thread.sleep(20);
        }
        return new SshAgentProcess(agent, socket);
    }

    public Path socket() {
        return socket;
    }

    /** Adds a private key (without passphrase) to the agent, as {@code ssh-add FILE} would. */
    public void add(Path privateKey) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("ssh-add", "-q", privateKey.toString()).redirectErrorStream(true);
        builder.environment().put("SSH_AUTH_SOCK", socket.toString());
        Process add = builder.start();
        String output = new String(add.getInputStream().readAllBytes());
        if (!add.waitFor(30, TimeUnit.SECONDS) || add.exitValue() != 0) {
            add.destroyForcibly();
            throw new IllegalStateException("ssh-add " + privateKey + " failed: " + output);
        }
    }

    @Override
    public void close() throws Exception {
        agent.destroy();
        if (!agent.waitFor(10, TimeUnit.SECONDS)) {
            agent.destroyForcibly();
        }
    }
}
