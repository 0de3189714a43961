package org.gallerist.transport.ssh.server.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.channel.ChannelSessionFactory;
import org.gallerist.api.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session channels, at most {@code max} open at once per SSH session (OpenSSH's {@code MaxSessions}). One more is
 * answered with a channel-open failure and the session goes on; Mina's own cap would close the whole session.
 */
final class BoundedSessionChannels implements ChannelFactory {

    private static final AttributeKey<AtomicInteger> OPEN = new AttributeKey<>();
    private static final Logger LOG = LoggerFactory.getLogger(BoundedSessionChannels.class);

    private final int max;

    BoundedSessionChannels(int max) {
        this.max = max;
    }

    @Override
    public String getName() {
        return ChannelSessionFactory.INSTANCE.getName();
    }

    @Override
    public Channel createChannel(Session session) throws IOException {
        AtomicInteger open = session.computeAttributeIfAbsent(OPEN, key -> new AtomicInteger());
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            LOG.info("Channel refused to {}: {} open already (maxChannelsPerSession)",
                    LogText.quote(session.getUsername()), max);
            return null; // Mina answers SSH_MSG_CHANNEL_OPEN_FAILURE
        }
        Channel channel = ChannelSessionFactory.INSTANCE.createChannel(session);
        channel.addChannelListener(new ChannelListener() {
            @Override
            public void channelClosed(Channel closed, Throwable reason) {
                open.decrementAndGet();
            }
        });
        return channel;
    }
}
