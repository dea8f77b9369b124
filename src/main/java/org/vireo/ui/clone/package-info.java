/** The clone dialog: a new name and, for each disk, clone, share or skip. */
package org.vireo.ui.clone;
