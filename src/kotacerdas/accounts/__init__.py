"""User accounts: login throttling, password change and admin reset, invitations to a region, validators."""
