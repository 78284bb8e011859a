/**
 * The forum's two solvers as a plain library (no database, no web): {@link ConsortiumMatcher}
 * proposes trilateral teams for projects, {@link MeetingScheduler} puts accepted meetings into
 * slots and tables. Inputs are primitive arrays indexed by position; the forum feature maps its
 * rows to and from those positions. Public only so that {@code bench} can drive them.
 */
package org.commonground.forum.planning;
