package org.gallerist.commands.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.gallerist.api.ErrorCode;
import org.gallerist.api.GalleristException;
import org.gallerist.protocol.Replies;
import org.gallerist.spi.command.CommandOutput;

/**
 * The files of one import that are being stored at once, on the server's import workers, answered in the order of
 * the archive. At most {@code maxFiles} are in flight and at most {@code maxBytes} of them held in memory (a larger
 * file goes alone), so one import uses every core without holding more than that; reading the archive stays on the
 * command's own thread, so a slow sender holds no worker. Each result line is written once its file is stored, as
 * before: what is acknowledged is durable.
 */
final class ImportWindow implements AutoCloseable {

    private record Pending(String sha256, long bytes, Future<Replies.ImportOutcome> outcome) {
    }

    private final ExecutorService workers;
    private final CommandOutput output;
    private final int maxFiles;
    private final long maxBytes;
    private final Deque<Pending> inFlight = new ArrayDeque<>();
    private long heldBytes;
    private int failed;
    private ErrorCode firstFailure;

    ImportWindow(ExecutorService workers, CommandOutput output, int maxFiles, long maxBytes) {
        this.workers = workers;
        this.output = output;
        this.maxFiles = Math.max(1, maxFiles);
        this.maxBytes = maxBytes;
    }

    /** Stores a file on a worker once there is room; the same bytes as a file in flight wait for that one. */
    void submit(String sha256, long bytes, Supplier<Replies.ImportOutcome> store) throws IOException {
        while (!inFlight.isEmpty() && (inFlight.size() >= maxFiles || heldBytes + bytes > maxBytes
                || inFlight.stream().anyMatch(pending -> pending.sha256().equals(sha256)))) {
            answerOldest();
        }
        Future<Replies.ImportOutcome> outcome;
        try {
            outcome = workers.submit(store::get);
        } catch (RejectedExecutionException stopping) {
            throw new GalleristException(ErrorCode.UNAVAILABLE, "The server is stopping; the import stopped here.");
        }
        inFlight.addLast(new Pending(sha256, bytes, outcome));
        heldBytes += bytes;
    }

    /** A result known without storing anything (a refused entry), in its place in the order. */
    void answer(Replies.ImportOutcome outcome) throws IOException {
        finish();
        record(outcome);
    }

    /** Waits for every file in flight and writes their results. */
    void finish() throws IOException {
        while (!inFlight.isEmpty()) {
            answerOldest();
        }
    }

    int failed() {
        return failed;
    }

    ErrorCode firstFailure() {
        return firstFailure;
    }

    private void answerOldest() throws IOException {
        Pending oldest = inFlight.removeFirst();
        heldBytes -= oldest.bytes();
        record(result(oldest.outcome()));
    }

    private void record(Replies.ImportOutcome outcome) throws IOException {
        if (outcome.error() != null) {
            failed++;
            firstFailure = firstFailure == null ? outcome.error() : firstFailure;
        }
        output.emit(outcome);
    }

    private static Replies.ImportOutcome result(Future<Replies.ImportOutcome> outcome) {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GalleristException(ErrorCode.UNAVAILABLE, "The import was stopped.");
        } catch (CancellationException e) {
            throw new GalleristException(ErrorCode.UNAVAILABLE, "The import was stopped.");
        } catch (ExecutionException e) {
            // not a refusal of the file (those are outcomes) but a failure of the server: ends the import as before
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Cancels what is still in flight, e.g. when the import fails or its channel goes away. */
    @Override
    public void close() {
        inFlight.forEach(pending -> pending.outcome().cancel(false));
        inFlight.clear();
    }
}
