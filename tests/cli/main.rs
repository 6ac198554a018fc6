//! authctl's integration tests: one binary that runs the real program (see STYLE.md), plus
//! interoperability checks against a real Django.

mod audit;
mod callers;
mod config;
mod createsuperuser;
mod django_interop;
mod django_sites;
mod djproject;
mod docs;
mod groups;
mod hardening;
mod pg;
mod postgres;
mod projects;
mod readme;
mod reset;
mod scale;
mod sessions;
mod signup;
mod site_hashers;
mod smtp;
mod store;
mod support;
mod terminal;
mod users;
mod verify;
