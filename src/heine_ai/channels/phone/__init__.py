"""The phone channel: the telephony provider's voice webhooks (Twilio's format), TwiML replies, the media stream."""
