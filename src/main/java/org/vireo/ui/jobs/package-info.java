/**
 * The Jobs window: every long operation of the app (uploads, downloads; later migrations) with its
 * progress, rate and time left, Cancel while it runs, and its outcome until cleared. May import the
 * model, the service ports and ui/common.
 */
package org.vireo.ui.jobs;
