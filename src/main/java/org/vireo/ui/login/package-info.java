/**
 * The dialogs a login may need, for SSH nodes, terminals and screens alike: an unknown or changed
 * host key, a password or a key's passphrase, libvirt's own credential questions. They answer the
 * {@code SshPrompts} and {@code CredentialPrompts} ports.
 */
package org.vireo.ui.login;
