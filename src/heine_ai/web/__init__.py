"""What the app serves to browsers: the embeddable chat widget, its demo shop page (and the staff console)."""
