package org.commonground.web;

/**
 * Who may call an API endpoint, declared once per endpoint. The OpenAPI document derives from it
 * the security requirement and the 401/403 answers, so a client generator knows which credentials
 * to send. The handler still checks them; this says what it checks.
 */
public enum Caller {
    /** Anyone, without credentials (sign-in, joining, health); credentials sent are ignored. */
    ANYONE,
    /**
     * Anyone, but what they may read depends on who they are: a participant token, a staff session or
     * an API token can open what is hidden from strangers (drafts, results not yet public).
     */
    READER,
    /** A participant of the conversation in the path: its participant token (cgp_…). */
    PARTICIPANT,
    /** A participant of the conversation in the path, or an account with a role on it (staff see more). */
    PARTICIPANT_OR_ACCOUNT,
    /** A signed-in account: its session cookie (with the X-CSRF-Token header on writes) or an API token (cga_…). */
    ACCOUNT
}
