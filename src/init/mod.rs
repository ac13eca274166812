//! Plan skeleton and demo generator (in progress).
