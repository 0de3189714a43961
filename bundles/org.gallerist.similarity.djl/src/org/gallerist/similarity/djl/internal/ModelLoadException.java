package org.gallerist.similarity.djl.internal;

/** The configured model cannot serve; the message is one line for the operator. */
final class ModelLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    ModelLoadException(String message) {
        super(message);
    }

    /** The message of {@code cause} and of the causes below it, without stack traces. */
    static ModelLoadException because(String what, Throwable cause) {
        StringBuilder message = new StringBuilder(what);
        String last = null;
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (!text.equals(last)) {
                message.append(": ").append(text.replaceAll("\\s+", " "));
                last = text;
            }
        }
        return new ModelLoadException(message.toString());
    }
}
