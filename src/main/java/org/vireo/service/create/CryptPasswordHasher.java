package org.vireo.service.create;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.Sha2Crypt;

/** SHA-512 crypt ("$6$salt$hash") with a random salt: what cloud-init writes to /etc/shadow. */
public final class CryptPasswordHasher implements SpecValidator.PasswordHasher {

    @Override
    public String hash(String password) {
        return Sha2Crypt.sha512Crypt(password.getBytes(StandardCharsets.UTF_8));
    }
}
