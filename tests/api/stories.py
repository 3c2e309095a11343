"""Small plots for the API tests, in the shape of real Wikipedia plot summaries."""

from __future__ import annotations

KEEPER_PLOT = (
    "In 1962, Anna Berg works as a lighthouse keeper on a remote Norwegian island. "
    "Her brother Erik Berg arrives from Oslo with a locked suitcase. "
    "Anna discovers that the suitcase holds money stolen from a bank in Bergen. "
    "Erik begs Anna to hide him from the police. "
    "A storm cuts the island off from the mainland for a week. "
    "Inspector Dahl lands on the island and questions Anna about her brother. "
    "Anna lies to Dahl to protect Erik. "
    "Erik steals the keeper's boat and tries to escape through the storm. "
    "Anna lights the great lamp and guides the coast guard to the sinking boat. "
    "Erik is rescued and arrested, and Anna keeps the lighthouse alone."
)

HARBOUR_PLOT = (
    "In 1958, Sofie Lund runs a small harbour cafe in a fishing town in Denmark. "
    "A stranger named Jonas Holm rents the room above the cafe. "
    "Sofie learns that Jonas is hiding from smugglers he once worked for. "
    "The smugglers arrive in town during the winter festival. "
    "Jonas decides to face them at the harbour. "
    "Sofie warns the harbour police before the smugglers can act. "
    "The smugglers are caught and Jonas stays in the town with Sofie."
)

DRAFT_PLOT = (
    "A night train leaves Vienna for Venice with a stolen painting aboard. "
    "The conductor Paul Richter notices a passenger without a ticket. "
    "The passenger turns out to be an art detective. "
    "The painting vanishes at the Italian border. "
    "Paul finds the painting hidden in the dining car. "
    "The detective reveals that Paul himself is the unwitting courier."
)
