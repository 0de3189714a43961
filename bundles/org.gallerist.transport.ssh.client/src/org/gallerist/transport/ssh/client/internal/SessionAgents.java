package org.gallerist.transport.ssh.client.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;

/**
 * Lets a session log in with the keys of the agent it names: Mina asks the client's one agent factory for every
 * session, so the socket travels as a session attribute, and sessions without one (password or key file logins)
 * get no agent at all. Agent forwarding to the server is never offered.
 */
final class SessionAgents implements SshAgentFactory {
    static final AttributeKey<Path> SOCKET = new AttributeKey<>();

    @Override
    public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        return List.of();
    }

    @Override
    public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
        Path socket = session == null ? null : session.getAttribute(SOCKET);
        return socket == null ? null : new AgentSocket(socket);
    }

    @Override
    public SshAgentServer createServer(ConnectionService service) {
        throw new UnsupportedOperationException("Gallerist does not forward the SSH agent");
    }
}
