package org.commonground.translation;

/**
 * A conversation's machine translation as the API and the organizer's page show it.
 *
 * @param machineTranslation the organizer turned it on for the conversation
 * @param available          this deployment has a service
 * @param service            its name ("LibreTranslate", "DeepL", a chat model), empty when none
 * @param where              where it runs (host and port), empty when none
 * @param local              it runs on this machine, so texts do not leave it
 */
public record MachineTranslationView(
        boolean machineTranslation, boolean available, String service, String where, boolean local) {}
