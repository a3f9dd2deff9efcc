"""The models' `pretrained` switch: dy2st downloads no weights."""


def refuse_download(arch: str, pretrained: bool) -> None:
    if pretrained:
        raise ValueError(f"{arch}(pretrained=True): dy2st does not download weights; build the "
                         "model and load a state dict saved by Paddle (model.set_state_dict)")
