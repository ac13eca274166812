//! Lai's analysis (in progress).
