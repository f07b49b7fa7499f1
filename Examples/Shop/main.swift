// The Shop example app: `swift run shop synth` writes its cloud assembly to formwork.out/.
import Formwork

ShopApp.app.main()
