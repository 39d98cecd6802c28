print("wandb-settings")
