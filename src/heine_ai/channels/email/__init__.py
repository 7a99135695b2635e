"""The e-mail channel: customer mails in by IMAP, the assistant's replies out by SMTP, in the right thread, once."""
