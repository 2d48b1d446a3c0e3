-- A sign-in is finished only by the browser that started it (login CSRF): the hash of the value that
-- browser holds in its sign-in cookie, and the nonce its ID token must carry. Sign-ins started before
-- this migration have neither and cannot be finished: the person starts again.
alter table pending_sign_ins add column browser_binding text, add column nonce text;
