/**
 * The only package that touches JSch: SSH sessions (shared per host, so a node used as a jump
 * host is logged into once), host-key trust (~/.ssh/known_hosts read, Vireo's own file written),
 * and authentication by agent, key files or password — every question asked through
 * {@link org.vireo.ssh.SshPrompts}, never on a terminal.
 */
package org.vireo.ssh;
