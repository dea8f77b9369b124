package org.vireo.model;

/**
 * A VM's definition as XML.
 *
 * @param saved the persistent definition the next start uses (what the XML tab edits); for a
 *              transient VM, empty
 * @param live  the running definition, or empty when it is not running
 */
public record VmXml(String saved, String live) {
}
