package dev.locus.agent;

/** The root unchecked exception of the agent module. */
public class AgentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AgentException(String message) {
        super(message);
    }
}
