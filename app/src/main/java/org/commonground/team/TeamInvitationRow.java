package org.commonground.team;

/** One invitation as the organizer's page lists it (never its token). */
public record TeamInvitationRow(String email, String role, boolean accepted) {}
