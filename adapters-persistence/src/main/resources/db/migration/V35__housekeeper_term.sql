-- The cluster's housekeeper (issue 24): the one instance that runs periodic work holds this single row's term
-- and renews it; when it dies the term runs out and another instance takes it over.
CREATE TABLE housekeeper_term (
    singleton boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    holder    text        NOT NULL,
    until     timestamptz NOT NULL
);
