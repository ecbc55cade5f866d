package dev.parley.application.port.in;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.narrative.Narrative;
import java.util.List;

/** An avatar's kept narratives, newest first. */
public interface ReadNarratives {

    /** @throws AvatarNotFoundException if the catalogue has no such avatar */
    List<Narrative> narratives(AvatarId avatar);
}
