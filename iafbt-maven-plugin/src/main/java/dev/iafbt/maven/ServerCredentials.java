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
        Server server = settings == null ? null : settings.getServer(serverId.strip());
        if (server == null) {
            throw new MojoFailureException("iafbt.serverId is '" + serverId.strip() + "', but settings.xml has no"
                    + " <server> with that id. Add <servers><server><id>" + serverId.strip() + "</id><username>…"
                    + "</username><password>…</password></server></servers> to ~/.m2/settings.xml, or leave"
                    + " iafbt.serverId unset to use PGUSER/PGPASSWORD or ~/.pgpass.");
        }
        if (decrypter != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : result.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    throw new MojoFailureException("Cannot decrypt the password of <server> '" + server.getId()
                            + "' in settings.xml: " + problem.getMessage() + ". Check ~/.m2/settings-security.xml.");
                }
            }
            server = result.getServer();
        }
        return new IndexCredentials(blankToNull(server.getUsername()), blankToNull(server.getPassword()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
