package org.gallerist.client.core.internal;

/**
 * The one request a model waits for an answer to. A newer request takes its place, so an answer to an older one is
 * stale and must be dropped. Not thread-safe, like the models that use it.
 */
public final class AwaitedRequest<R> {

    private R request;

    /** Waits for {@code newRequest} from now on instead of any earlier one; returns it. */
    public R await(R newRequest) {
        request = newRequest;
        return newRequest;
    }

    /**
     * Takes the answer to {@code answered} if it is the request waited for: nothing is waited for any more and
     * {@code takeAnswer} runs. Returns false, and runs nothing, for a stale answer.
     */
    public boolean settle(R answered, Runnable takeAnswer) {
        if (answered != request) {
            return false;
        }
        request = null;
        takeAnswer.run();
        return true;
    }

    public boolean isWaiting() {
        return request != null;
    }

    /** The request waited for, {@code null} when there is none. */
    public R request() {
        return request;
    }
}
