-- The change the test application commits together with its event.
CREATE TABLE change (
    id   uuid PRIMARY KEY,
    note text NOT NULL
);
