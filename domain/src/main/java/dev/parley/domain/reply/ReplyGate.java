package dev.parley.domain.reply;

/**
 * Decides whether an avatar may reply now (decisions.md 10–13): the cooldowns and the responder
 * cap, checked and taken in one atomic step. Driven port: memory for one instance, one Redis
 * script per decision for many. The adapter is built with the {@link ReplyRules}; its own clock
 * (the injected clock in memory, the server's {@code TIME} in Redis) is the only time it uses.
 *
 * <h2>State</h2>
 * <ul>
 *   <li>the <b>avatar cooldown</b> of each (channel, avatar): blocks that avatar in that channel
 *       until it ends;</li>
 *   <li>the <b>bot-reply cooldown</b> of each channel: blocks every avatar in that channel until it
 *       ends;</li>
 *   <li>the <b>responders</b> of each (channel, trigger message): the set of distinct avatars that
 *       hold a place for that trigger, forgotten {@link ReplyRules#triggerMemory()} after the last
 *       place taken or admission for it;</li>
 *   <li>the global <b>narrative cooldown</b>.</li>
 * </ul>
 *
 * <h2>{@link #decide}: one atomic step, in this order</h2>
 * With {@code now} the gate's clock, {@code R} the trigger's responders and {@code N}
 * {@link ReplyRules#maxRespondersPerMessage()}:
 * <ol>
 *   <li><b>Cap.</b> If the avatar is not in {@code R} and {@code R} already holds {@code N}
 *       avatars: {@code Denied(RESPONDERS_FULL, 0)}. The override never skips this. Nothing changes.</li>
 *   <li><b>Time cooldowns</b> (skipped entirely when the request overrides them). Let
 *       {@code avatarWait} be the time left on the avatar cooldown and {@code channelWait} the time
 *       left on the bot-reply cooldown (zero when not running). If either is positive, the answer is
 *       {@code Denied(reason, retryAfter)} with {@code retryAfter = max(avatarWait, channelWait)} and
 *       {@code reason = AVATAR_COOLDOWN} if {@code avatarWait > 0} (the avatar's own haste), else
 *       {@code BOT_REPLY_COOLDOWN}. A running cooldown never asks for more than its own length: a
 *       deadline further ahead than that (the gate's clock stepped back) is moved to now plus the
 *       cooldown in the same step. If the avatar was not in {@code R} and
 *       {@code retryAfter <= maxWait}, it is added to {@code R} in the same step: it
 *       <em>keeps a place</em> for this trigger and is expected back after {@code retryAfter}. A wait
 *       longer than {@code maxWait} takes no place (the responder would drop the reply anyway).
 *       Denials change nothing else: no cooldown is started or extended.</li>
 *   <li><b>Admission.</b> Otherwise: {@code Admitted(now)}, and in the same step the avatar
 *       cooldown is set to end at {@code now + avatarResponseCooldown}, the bot-reply cooldown at
 *       {@code now + botReplyCooldown} (both replaced, even when running under an override), and
 *       the avatar is in {@code R}.</li>
 * </ol>
 * Membership of {@code R} is a place, not a reply: an avatar already in {@code R} skips the cap
 * and passes whenever the time cooldowns let it, so a paced responder's retry and a client's
 * retry after a lost answer are admitted without counting twice. {@code R} never holds more than
 * {@code N} distinct avatars. Each place taken and each admission restarts the trigger's memory.
 *
 * <p><b>Two avatars racing for one trigger</b> (the point of decisions.md 11): the first is
 * admitted and starts the bot-reply cooldown; the second takes the second place (the wait fits
 * {@code maxWait} with the default rules) and gets
 * {@code BOT_REPLY_COOLDOWN} with {@code retryAfter} the rest of that cooldown; a third gets
 * {@code RESPONDERS_FULL}. When the second comes back after {@code retryAfter} it is admitted, so
 * both replies happen, paced by the bot-reply cooldown. Two admissions in one channel are never
 * closer than the bot-reply cooldown unless the later one overrides the cooldowns.
 *
 * <h2>Narratives</h2>
 * {@link #tryTakeNarrativeSlot} is global across channels and instances and is taken before the
 * narrative is generated (decisions.md 12): if the narrative cooldown runs,
 * {@code Denied(NARRATIVE_COOLDOWN, time left)} (never more than the narrative cooldown, as
 * above); otherwise {@code Admitted(now)} and the cooldown runs from now.
 *
 * <h2>Failures</h2>
 * The gate fails closed: an adapter whose backing service fails answers
 * {@code Denied(STORAGE_UNAVAILABLE, a short pause)} and never admits blindly; it does not throw.
 * Every method is safe to call from many threads and, for a shared gate, many instances; racing
 * decisions behave as if made one after another.
 */
public interface ReplyGate {

    /** Decides {@code request} as described above, taking what an admission takes in the same atomic step. */
    GateDecision decide(ReplyRequest request);

    /** Takes the global narrative slot if the narrative cooldown is not running. */
    GateDecision tryTakeNarrativeSlot();
}
