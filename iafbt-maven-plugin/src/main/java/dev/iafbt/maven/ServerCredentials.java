package dev.iafbt.maven;

import dev.iafbt.index.IndexCredentials;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The credentials of a PostgreSQL index, the way Maven users keep them: the {@code <server>} in
 * {@code settings.xml} whose id {@code iafbt.serverId} names, its password decrypted by Maven's
 * own decrypter (so {@code mvn --encrypt-password} values work). Without a server id, the
 * environment's {@code PGUSER}/{@code PGPASSWORD} or the driver's {@code ~/.pgpass} apply.
 * Credentials never come from the POM, and no message carries a password.
 */
final class ServerCredentials {
    private ServerCredentials() {
    }

    static IndexCredentials of(String serverId, Settings settings, SettingsDecrypter decrypter)
            throws MojoFailureException {
        if (serverId == null || serverId.isBlank()) {
            return IndexCredentials.NONE;
        }
        Server server = decrypted("iafbt.serverId", serverId, settings, decrypter,
                "<username>…</username><password>…</password>", "PGUSER/PGPASSWORD or ~/.pgpass");
        return new IndexCredentials(blankToNull(server.getUsername()), blankToNull(server.getPassword()));
    }

    /**
     * The {@code <server>} with that id, its password decrypted.
     *
     * @param property  the parameter that named it, for the message
     * @param fields    the {@code <username>}/{@code <password>} lines the message suggests
     * @param otherwise where credentials come from when the parameter is unset, for the message
     */
    static Server decrypted(String property, String serverId, Settings settings, SettingsDecrypter decrypter,
            String fields, String otherwise) throws MojoFailureException {
        String id = serverId.strip();
        Server server = settings == null ? null : settings.getServer(id);
        if (server == null) {
            throw new MojoFailureException(property + " is '" + id + "', but settings.xml has no <server> with that"
                    + " id. Add <servers><server><id>" + id + "</id>" + fields + "</server></servers> to"
                    + " ~/.m2/settings.xml, or leave " + property + " unset to use " + otherwise + ".");
        }
        if (decrypter == null) {
            return server;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoFailureException("Cannot decrypt the password of <server> '" + id + "' in settings.xml: "
                        + problem.getMessage() + ". Check ~/.m2/settings-security.xml.");
            }
        }
        return result.getServer();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
